package se.placera.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import se.placera.forms.Option;
import se.placera.forms.OptionSource;

/** A live option source for tests: a list of treatment homes that tests add to while the app runs. */
@Component
public class TestHomesOptionSource implements OptionSource {

    private final List<Option> homes = new CopyOnWriteArrayList<>(List.of(
            new Option("solgarden", "Solgården HVB", Map.of("lan", "Stockholm")),
            new Option("granbacken", "Granbacken HVB", Map.of("lan", "Uppsala"))));

    @Override
    public String id() {
        return "test-homes";
    }

    @Override
    public List<Option> options(Map<String, Object> params, Map<String, Object> user, Map<String, Object> subject) {
        Object lan = params.get("lan");
        return homes.stream().filter(h -> lan == null || lan.equals(h.attributes().get("lan"))).toList();
    }

    public void add(Option home) {
        homes.add(home);
    }
}
