package se.placera.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Matching searches with varied criteria (issue #18, item 1): {@code load.users} (10) signed-in caseworkers
 * search one after another with no pause for {@code load.seconds} (60 s). The criteria are those of
 * {@code MatchingBenchmark} (seed 42): six placement forms with their target group, legal basis and age; gender;
 * 1–3 needs; one of eight localities; sometimes a highest price, framework agreements only, vacancies required or
 * a maximum distance. Start the app with {@code --placera.samples.scale=12.5} for the 5,000 units.
 *
 * <p>Assertions (issue #18, item 2): p95 ≤ {@code load.p95Ms} (100 ms) at 10 concurrent users, no failed request.
 */
public class MatchingSimulation extends Simulation {

    static final int USERS = Load.integer("users", 10);
    static final int SECONDS = Load.integer("seconds", 60);

    static final List<String[]> FORMS = List.of(
            new String[] {"hvb-barn-unga", "barn-unga", "lvu-3", "15"},
            new String[] {"konsulentstott-familjehem", "barn-unga", "sol", "9"},
            new String[] {"hvb-vuxna", "vuxna-missbruk", "sol", "34"},
            new String[] {"stodboende", "barn-unga", "sol", "17"},
            new String[] {"stodboende-vuxna", "vuxna-hemloshet", "sol", "41"},
            new String[] {"skyddat-boende", "vuxna-vald-i-nara-relationer", "sol", "29"});
    static final List<String> NEEDS = List.of("npf", "missbruk", "skolsvarigheter", "psykisk-ohalsa",
            "traumatisering", "boendeformaga", "utsatt-for-vald", "samsjuklighet");
    static final List<String> LOCALITIES = List.of("Stockholm", "Göteborg", "Malmö", "Uppsala", "Umeå", "Växjö",
            "Karlstad", "Sundsvall");

    static final Random RND = new Random(42);

    static synchronized String criteria() {
        String[] f = FORMS.get(RND.nextInt(FORMS.size()));
        Map<String, Object> c = new HashMap<>();
        c.put("placementForm", f[0]);
        c.put("targetGroup", f[1]);
        c.put("legalBasis", f[2]);
        c.put("age", Integer.parseInt(f[3]));
        c.put("gender", RND.nextBoolean() ? "pojke-man" : "flicka-kvinna");
        List<String> needs = new ArrayList<>();
        for (int n = 1 + RND.nextInt(3); needs.size() < n;) {
            String need = NEEDS.get(RND.nextInt(NEEDS.size()));
            if (!needs.contains(need)) {
                needs.add(need);
            }
        }
        c.put("needs", needs);
        c.put("locality", LOCALITIES.get(RND.nextInt(LOCALITIES.size())));
        if (RND.nextInt(3) == 0) {
            c.put("maxPrice", 5000);
        }
        if (RND.nextInt(4) == 0) {
            c.put("frameworkOnly", true);
        }
        if (RND.nextInt(3) == 0) {
            c.put("requireVacancy", true);
        }
        if (RND.nextInt(4) == 0) {
            c.put("maxDistanceKm", 300);
        }
        try {
            return FormAnswers.JSON.writeValueAsString(c);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Iterator<Map<String, Object>> feeder = Stream.generate((Supplier<Map<String, Object>>) () -> {
        Map<String, Object> m = new HashMap<>();
        m.put("criteria", criteria());
        return m;
    }).iterator();

    ScenarioBuilder search = scenario("matching").exec(Load.login(Load.user(), Load.password()))
            .during(Duration.ofSeconds(SECONDS)).on(feed(feeder)
                    .exec(http("POST /api/matching/search").post("/api/matching/search")
                            .header("X-XSRF-TOKEN", "#{xsrf}").body(StringBody("#{criteria}"))
                            .check(status().is(200), jsonPath("$.total").exists())));

    {
        System.out.println("MatchingSimulation against " + Load.BASE_URL + ", load average " + Load.loadAverage());
        setUp(search.injectOpen(atOnceUsers(USERS)))
                .protocols(Load.protocol())
                .assertions(
                        details("POST /api/matching/search").responseTime().percentile(95.0)
                                .lte(Load.integer("p95Ms", 100)),
                        global().failedRequests().count().is(0L));
    }
}
