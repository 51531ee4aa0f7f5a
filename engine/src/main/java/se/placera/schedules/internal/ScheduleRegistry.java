package se.placera.schedules.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.Metadata;
import se.placera.schedules.Schedule;

/** Published schedule versions, compiled once each (a published version never changes). */
@Service
class ScheduleRegistry {

    private final Metadata metadata;
    private final ScheduleCompiler compiler;
    private final Map<String, Schedule> compiled = new ConcurrentHashMap<>();

    ScheduleRegistry(Metadata metadata, ScheduleCompiler compiler) {
        this.metadata = metadata;
        this.compiler = compiler;
    }

    /** The version in use of every schedule (the latest published), by id. */
    List<Schedule> inForce() {
        List<Schedule> list = new ArrayList<>();
        for (Definition d : metadata.list(ScheduleKind.KIND)) {
            metadata.latestPublished(ScheduleKind.KIND, d.id()).map(this::compile).ifPresent(list::add);
        }
        list.sort(Comparator.comparing(Schedule::id));
        return list;
    }

    /** A pinned version; null when it cannot be read (retired versions still can). */
    Schedule version(String id, int version) {
        String key = id + ":" + version;
        Schedule s = compiled.get(key);
        if (s != null) {
            return s;
        }
        try {
            Definition d = metadata.get(ScheduleKind.KIND, id, version);
            return d.status() == DefinitionStatus.DRAFT ? null : compile(d);
        } catch (RuntimeException e) {
            return null;
        }
    }

    Schedule compile(Definition d) {
        // references were checked when the version was published
        return compiled.computeIfAbsent(d.id() + ":" + d.version(),
                k -> compiler.compile(d.content(), d.version(), m -> true).schedule());
    }
}
