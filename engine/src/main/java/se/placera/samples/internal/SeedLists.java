package se.placera.samples.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/** The static lists in the top-level {@code samples/} folder (shipped in the jar as {@code classpath:samples/}). */
record SeedLists(List<Locality> localities, List<String> prefixes, List<String> suffixes, List<String> companyForms,
        List<String> firstNames, List<String> lastNames) {

    /** A locality with its coordinates, county, tender area and a weight for how many units it gets. */
    record Locality(String name, String municipality, String county, String tenderArea, double lat, double lon,
            int weight) {
    }

    static SeedLists load() {
        List<Locality> localities = new ArrayList<>();
        for (String[] f : read("samples/localities.csv")) {
            localities.add(new Locality(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Integer.parseInt(f[6])));
        }
        List<String> prefixes = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        for (String[] f : read("samples/name-parts.csv")) {
            switch (f[0]) {
                case "prefix" -> prefixes.add(f[1]);
                case "suffix" -> suffixes.add(f[1]);
                case "bolag" -> forms.add(f[1]);
                default -> throw new IllegalStateException("Unknown name part type " + f[0]);
            }
        }
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (String[] f : read("samples/person-names.csv")) {
            ("fornamn".equals(f[0]) ? first : last).add(f[1]);
        }
        return new SeedLists(List.copyOf(localities), List.copyOf(prefixes), List.copyOf(suffixes), List.copyOf(forms),
                List.copyOf(first), List.copyOf(last));
    }

    private static List<String[]> read(String location) {
        List<String[]> rows = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(new ClassPathResource(location).getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split(";", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Seed list " + location + " not found", e);
        }
        return rows;
    }
}
