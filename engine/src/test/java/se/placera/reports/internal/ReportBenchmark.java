package se.placera.reports.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.placera.shared.SwedishTime;
import se.placera.support.Api;
import se.placera.support.DemoUsers;

/**
 * Issue 17: the basic report (seven parts, one with three dimensions: gender × target group × quarter) over 100,000
 * submitted responses in the projection, through HTTP on the embedded database, one request at a time: p50/p95 in
 * ms; and the same report in process with and without suppression (the overhead of GD-2). Written to
 * {@code target/report-benchmark.txt}. Not part of the normal test run (the name does not end in Tests):
 * {@code mvn -o -q -pl engine test -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "placera.embedded-db.in-memory=true", "logging.level.org.mongodb.driver=WARN",
        "logging.level.de.bwaldvogel=WARN"})
@org.springframework.context.annotation.Import(DemoUsers.class)
class ReportBenchmark {

    static final int RESPONSES = Integer.getInteger("bench.responses", 100_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 20);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReportService service;

    @Test
    void basicReportOnManyResponses() throws Exception {
        Random random = new Random(7);
        String[] genders = {"flicka-kvinna", "pojke-man", "annan-ickebinar"};
        String[] groups = {"barn-unga", "vuxna-missbruk", "vuxna-hemloshet", "ensamkommande", "aldre",
                "vuxna-vald-i-nara-relationer"};
        String[] areas = {"barn-unga-hvb", "barn-unga-familjehem", "vuxna-missbruk", "hemtjanst", "aldreboende",
                "vuxna-hemloshet"};
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < RESPONSES; i++) {
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
            Document f = new Document("gender", genders[random.nextInt(10) < 9 ? random.nextInt(2) : 2])
                    .append("targetGroup", groups[random.nextInt(groups.length)])
                    .append("provider", "p" + (int) (Math.pow(random.nextDouble(), 2) * 80))
                    .append("intervention", areas[random.nextInt(areas.length)]).append("method", "m")
                    .append("purpose", "evaluation").append("year", "2026")
                    .append("quarter", "2026-K" + ((day.getMonthValue() - 1) / 3 + 1))
                    .append("tertial", "2026-T" + ((day.getMonthValue() - 1) / 4 + 1))
                    .append("month", day.toString().substring(0, 7));
            batch.add(new Document("_id", "bench-" + i).append("adm", "exempelkommun-sof").append("method", "m")
                    .append("area", f.getString("intervention")).append("purpose", "evaluation")
                    .append("at", Date.from(SwedishTime.startOf(day))).append("person", "client:" + random.nextInt(60_000))
                    .append("f", f).append("a", new Document()).append("n", new Document("helhet", 1.0 + random.nextInt(5))));
            if (batch.size() == 5_000) {
                mongo.getCollection(ReportFacts.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        Api caseworker = Api.at(port).asCaseworker();
        for (int i = 0; i < 3; i++) {
            caseworker.get("/api/reports/grundrapport/result").expect(200);
        }
        List<Long> http = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            caseworker.get("/api/reports/grundrapport/result").expect(200);
            http.add((System.nanoTime() - t0) / 1_000_000);
        }
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("handlaggare",
                "placera-demo", List.of()));
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            service.run("grundrapport", null, null, false);
            without.add((System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            service.run("grundrapport", null, null, true);
            with.add((System.nanoTime() - t0) / 1_000_000);
        }
        String out = "responses=" + RESPONSES + " requests=" + REQUESTS + "\n"
                + "http p50=" + p(http, 50) + " p95=" + p(http, 95) + " ms\n"
                + "in-process without suppression p50=" + p(without, 50) + " p95=" + p(without, 95) + " ms\n"
                + "in-process with suppression p50=" + p(with, 50) + " p95=" + p(with, 95) + " ms\n";
        System.out.println(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/report-benchmark.txt"), out);
    }

    private static long p(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
