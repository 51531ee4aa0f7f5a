package se.placera.forms.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import se.placera.forms.Subject;

/**
 * A generated, realistic method for benchmarks: a follow-up interview of 150 questions over 8 areas (background
 * singles with static options, some with attributes, multiples, text, numbers, dates, ratings 1-5 and percent) and
 * 40 rules (visibleWhen on areas and questions, optionFilter cascading on earlier answers via item.attributes,
 * autoAnswer in both the string and the {when, value} form), and a matching fully answered document: an answer to
 * every visible question (auto-answered ones with the value the rule gives), none to the hidden ones.
 * Deterministic: the same seed gives the same method and answers.
 */
final class GeneratedMethod {

    static final int QUESTIONS = 150;
    /** Questions of the background area and of each themed area (the sizes of the scale curve build on them). */
    static final int BACKGROUND_QUESTIONS = 24;
    static final int THEMED_QUESTIONS = 18;
    static final int AREAS = 8;
    static final int RULES = 40;

    /** The method content (valid against metadata/schemas/method.schema.json). */
    final ObjectNode method;
    /** The answers document as a client submits it: question id to answer. */
    final ObjectNode answers;
    /** Questions the rules hide with these answers (no answer given). */
    final Set<String> hidden = new LinkedHashSet<>();
    /** Questions answered by a rule with these answers and the bound user/subject. */
    final Set<String> autoAnswered = new LinkedHashSet<>();
    /** What rules read as {@code user} and {@code subject}, as the form service binds them. */
    final Map<String, Object> user;
    final Map<String, Object> subject;

    private final JsonMapper mapper;
    private final Random random = new Random(4);
    private final int questions;
    private int rules;

    private GeneratedMethod(JsonMapper mapper, int questions) {
        this.mapper = mapper;
        this.questions = questions;
        this.method = mapper.createObjectNode();
        this.answers = mapper.createObjectNode();
        // The shape of CurrentUser.attributes(), written out so the fixture does not follow the security module.
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", "u-17");
        u.put("username", "anna.andersson");
        u.put("firstName", "Anna");
        u.put("lastName", "Andersson");
        u.put("name", "Anna Andersson");
        u.put("email", "anna.andersson@uppsala.se");
        u.put("jobRole", "socialsekreterare");
        u.put("municipality", "Uppsala");
        u.put("administration", "Socialförvaltningen");
        u.put("team", "Vuxenenheten");
        u.put("roles", List.of("CASEWORKER"));
        this.user = u;
        this.subject = new Subject("client", "c-2041", Map.of(
                "targetGroup", "vuxna-missbruk",
                "legalBasis", "sol",
                "startDate", "2025-02-03",
                "placementForm", "oppenvard")).asRuleMap();
    }

    static GeneratedMethod generate(JsonMapper mapper) {
        return generate(mapper, QUESTIONS);
    }

    /**
     * A method of {@code questions} questions (at least 42; issue #18, item 6, the scale curve): the background area,
     * as many themed areas of 18 questions as fit (the seven themes again, numbered, with their rules, so rules grow
     * in proportion), and the rest as plain ratings in a last area. 150 gives the method of issue #4.
     */
    static GeneratedMethod generate(JsonMapper mapper, int questions) {
        if (questions < BACKGROUND_QUESTIONS + THEMED_QUESTIONS) {
            throw new IllegalArgumentException("At least " + (BACKGROUND_QUESTIONS + THEMED_QUESTIONS) + " questions");
        }
        GeneratedMethod g = new GeneratedMethod(mapper, questions);
        g.build();
        return g;
    }

    /** The number of rule expressions written (autoAnswer {when, value} counts as one rule). */
    int rules() {
        return rules;
    }

    String methodJson() {
        return mapper.writeValueAsString(method);
    }

    String answersJson() {
        return mapper.writeValueAsString(answers);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final String[] TARGET_GROUPS = {"vuxna-missbruk", "vuxna-hemloshet", "vuxna-psykisk-ohalsa",
            "unga-vuxna", "barn-unga", "ensamkommande"};

    private void build() {
        method.put("kind", "method");
        method.put("id", "benchmark-uppfoljning-" + questions);
        method.put("title", "Vuxna – uppföljning (genererad, " + questions + " frågor)");
        method.put("description", "Genererad metod för prestandamätning av formulärmotorn.");
        method.put("purpose", "follow-up-interview");
        method.put("targetGroup", "vuxna-missbruk");
        method.put("subjectType", "client");
        method.putArray("respondents").add("caseworker").add("client");
        ArrayNode areas = method.putArray("areas");
        background(area(areas, "bakgrund", "Bakgrund", null));
        String[][] themes = {
                {"bemotande", "Bemötande"},
                {"delaktighet", "Delaktighet"},
                {"resultat", "Insatsens resultat"},
                {"halsa", "Hälsa"},
                {"boendesituation", "Boende"},
                {"natverk", "Nätverk och relationer"},
                {"avslutning", "Avslutning och framåt"},
        };
        int themed = (questions - BACKGROUND_QUESTIONS) / THEMED_QUESTIONS;
        for (int i = 0; i < themed; i++) {
            int n = i % themes.length + 1;
            String round = i < themes.length ? "" : Integer.toString(i / themes.length + 1);
            String visibleWhen = switch (n) {
                case 6 -> "answers.uppfoljningstyp != 'efter-avslut'";
                case 7 -> "has(subject.targetGroup) && subject.targetGroup in ['vuxna-missbruk', 'vuxna-hemloshet']";
                default -> null;
            };
            themed(area(areas, themes[n - 1][0] + round, themes[n - 1][1] + (round.isEmpty() ? "" : " " + round),
                    visibleWhen), n, themes[n - 1][0] + round);
        }
        int rest = questions - BACKGROUND_QUESTIONS - themed * THEMED_QUESTIONS;
        if (rest > 0) {
            ArrayNode qs = area(areas, "ovrigt", "Övrigt", null);
            for (int r = 1; r <= rest; r++) {
                ObjectNode q = question(qs, "ovrigtBetyg" + r, "rating", "Hur nöjd är du med övrigt stöd " + r + "?");
                q.put("scale", "1-5");
                answers.put("ovrigtBetyg" + r, 1 + random.nextInt(5));
            }
        }
    }

    private ArrayNode area(ArrayNode areas, String id, String title, String visibleWhen) {
        ObjectNode a = areas.addObject();
        a.put("id", id);
        a.put("title", title);
        a.put("description", "Frågor om " + title.toLowerCase() + ". Läs frågan högt och låt klienten svara med egna ord.");
        if (visibleWhen != null) {
            a.put("visibleWhen", visibleWhen);
            rules++;
        }
        return a.putArray("questions");
    }

    /** Area 1: 24 background questions with the cascades and most of the automatic answers. */
    private void background(ArrayNode qs) {
        ObjectNode q;
        q = question(qs, "kommun", "background", "Kommun");
        q.put("answerType", "text");
        auto(q, "has(user.municipality) ? dyn(user.municipality) : null");
        answerAuto("kommun", "Uppsala");

        q = question(qs, "handlaggare", "background", "Handläggare");
        q.put("answerType", "text");
        auto(q, "has(user.name) ? dyn(user.name) : null");
        answerAuto("handlaggare", "Anna Andersson");

        q = question(qs, "malgrupp", "background", "Målgrupp");
        q.put("answerType", "single");
        q.put("required", true);
        ArrayNode opts = staticOptions(q);
        for (String g : TARGET_GROUPS) {
            option(opts, g, label(g)).putObject("attributes").put("sector", g.startsWith("vuxna") || g.equals("unga-vuxna")
                    ? "vuxna" : "barn");
        }
        filter(q, "item.attributes.sector == 'vuxna'");
        auto(q, "has(subject.targetGroup) ? subject.targetGroup : null");
        answerAuto("malgrupp", "vuxna-missbruk");

        q = question(qs, "uppfoljningstyp", "background", "Vilken sorts uppföljning är det?");
        q.put("answerType", "single");
        q.put("required", true);
        simpleOptions(q, "arlig", "vid-avslut", "efter-avslut");
        answer("uppfoljningstyp", "arlig");

        // Cascade: malgrupp -> insatstyp -> insatsform -> utforare, each filtered on the previous answer.
        String[][] insatser = {
                {"oppenvard-missbruk", "vuxna-missbruk,unga-vuxna"},
                {"behandlingshem", "vuxna-missbruk,vuxna-psykisk-ohalsa"},
                {"boendestod", "vuxna-hemloshet,vuxna-psykisk-ohalsa,vuxna-missbruk"},
                {"stodboende", "vuxna-hemloshet,vuxna-missbruk"},
                {"harbarge", "vuxna-hemloshet"},
                {"kontaktperson", "unga-vuxna,barn-unga,ensamkommande"},
                {"hvb-unga", "barn-unga,ensamkommande"},
                {"familjehem", "barn-unga,ensamkommande"},
                {"sysselsattning", "vuxna-psykisk-ohalsa,vuxna-missbruk,unga-vuxna"},
                {"anhorigstod", "vuxna-missbruk,vuxna-psykisk-ohalsa,barn-unga"},
        };
        q = question(qs, "insatstyp", "background", "Vilken insats följs upp?");
        q.put("answerType", "single");
        q.put("required", true);
        opts = staticOptions(q);
        for (String[] i : insatser) {
            ArrayNode groups = option(opts, i[0], label(i[0])).putObject("attributes").putArray("targetGroups");
            for (String g : i[1].split(",")) {
                groups.add(g);
            }
        }
        filter(q, "answers.malgrupp == null || answers.malgrupp in item.attributes.targetGroups");
        answer("insatstyp", "oppenvard-missbruk");

        String[][] former = {
                {"individuell-samtalsbehandling", "oppenvard-missbruk,anhorigstod"},
                {"gruppbehandling", "oppenvard-missbruk,behandlingshem"},
                {"tolvstegsprogram", "oppenvard-missbruk,behandlingshem"},
                {"aterfallsprevention", "oppenvard-missbruk,stodboende"},
                {"boendestod-individuellt", "boendestod,stodboende"},
                {"akutplats", "harbarge"},
                {"dagverksamhet", "sysselsattning"},
                {"familjebehandling", "hvb-unga,familjehem,anhorigstod"},
        };
        q = question(qs, "insatsform", "background", "Insatsens form");
        q.put("answerType", "single");
        opts = staticOptions(q);
        for (String[] f : former) {
            ArrayNode list = option(opts, f[0], label(f[0])).putObject("attributes").putArray("insatser");
            for (String i : f[1].split(",")) {
                list.add(i);
            }
        }
        filter(q, "answers.insatstyp == null || answers.insatstyp in item.attributes.insatser");
        answer("insatsform", "aterfallsprevention");

        q = question(qs, "utforare", "background", "Utförare");
        q.put("answerType", "single");
        opts = staticOptions(q);
        String[] utforare = {"kommunens-beroendemottagning", "mini-maria", "ria-mottagningen", "vagen-ut",
                "nya-steg-ab", "stiftelsen-hemmet", "boendeteamet", "stadsmissionen", "hvb-solrosen",
                "familjeforum"};
        for (int i = 0; i < utforare.length; i++) {
            ObjectNode attrs = option(opts, utforare[i], label(utforare[i])).putObject("attributes");
            attrs.put("regi", i % 3 == 0 ? "kommunal" : "privat");
            ArrayNode list = attrs.putArray("former");
            for (int f = 0; f < former.length; f++) {
                if ((i + f) % 3 == 0 || f == i % former.length) {
                    list.add(former[f][0]);
                }
            }
        }
        filter(q, "answers.insatsform == null || answers.insatsform in item.attributes.former");
        answer("utforare", "vagen-ut"); // i = 3: offers former 0, 3 (aterfallsprevention), 6

        q = question(qs, "lagrum", "background", "Insatsen ges enligt");
        q.put("answerType", "single");
        simpleOptions(q, "sol", "lvm", "lvu", "ingen");
        autoWhen(q, "has(subject.legalBasis)", "subject.legalBasis");
        answerAuto("lagrum", "sol");

        q = question(qs, "startdatum", "background", "Insatsen startade");
        q.put("answerType", "date");
        auto(q, "has(subject.startDate) ? subject.startDate : null");
        answerAuto("startdatum", "2025-02-03");

        q = question(qs, "slutdatum", "background", "Insatsen avslutades");
        q.put("answerType", "date");
        visible(q, "answers.uppfoljningstyp != 'arlig'");
        hidden.add("slutdatum");

        q = question(qs, "avslutsorsak", "background", "Varför avslutades insatsen?");
        q.put("answerType", "single");
        simpleOptions(q, "enligt-plan", "klientens-beslut", "avbrott", "flytt", "annat");
        visible(q, "answers.uppfoljningstyp == 'vid-avslut'");
        hidden.add("avslutsorsak");

        q = question(qs, "alder", "background", "Klientens ålder");
        q.put("answerType", "number");
        q.put("minimum", 18);
        q.put("maximum", 120);
        answers.put("alder", 34);

        q = question(qs, "aldersgrupp", "background", "Åldersgrupp");
        q.put("answerType", "single");
        simpleOptions(q, "18-24", "25-44", "45-64", "65-");
        autoWhen(q, "answers.alder != null",
                "answers.alder < 25 ? '18-24' : answers.alder < 45 ? '25-44' : answers.alder < 65 ? '45-64' : '65-'");
        answerAuto("aldersgrupp", "25-44");

        q = question(qs, "kon", "background", "Kön");
        q.put("answerType", "single");
        simpleOptions(q, "kvinna", "man", "annat", "vill-ej-ange");
        answer("kon", "kvinna");

        q = question(qs, "boende", "background", "Hur bor du i dag?");
        q.put("answerType", "single");
        opts = staticOptions(q);
        for (String b : new String[] {"eget-boende", "andrahandskontrakt", "hemlos", "institution", "annat"}) {
            option(opts, b, label(b)).putObject("attributes").put("hemlos", b.equals("hemlos"));
        }
        answer("boende", "andrahandskontrakt");

        q = question(qs, "boendeAnnat", "background", "Beskriv boendet");
        q.put("answerType", "text");
        visible(q, "answers.boende == 'annat'");
        hidden.add("boendeAnnat");

        q = question(qs, "sysselsattning", "background", "Vad gör du på dagarna?");
        q.put("answerType", "multiple");
        simpleOptions(q, "arbete", "studier", "praktik", "sjukskriven", "arbetssokande", "pension", "annat");
        answers.putArray("sysselsattning").add("arbete").add("annat");

        q = question(qs, "sysselsattningAnnat", "background", "Annan sysselsättning");
        q.put("answerType", "text");
        visible(q, "answers.sysselsattning != null && 'annat' in answers.sysselsattning");
        answer("sysselsattningAnnat", "Volontär i en idrottsförening två kvällar i veckan.");

        q = question(qs, "inkomst", "background", "Huvudsaklig inkomst");
        q.put("answerType", "single");
        simpleOptions(q, "lon", "ersattning", "forsorjningsstod", "ingen", "annat");
        autoWhen(q, "answers.sysselsattning != null && 'arbete' in answers.sysselsattning", "'lon'");
        answerAuto("inkomst", "lon");

        q = question(qs, "tidigareInsatser", "background", "Antal tidigare insatser");
        q.put("answerType", "number");
        q.put("minimum", 0);
        q.put("maximum", 50);
        answers.put("tidigareInsatser", 2);

        q = question(qs, "tidigareInsatserTyp", "background", "Vilka tidigare insatser?");
        q.put("answerType", "multiple");
        opts = staticOptions(q);
        for (String[] i : insatser) {
            ArrayNode groups = option(opts, i[0], label(i[0])).putObject("attributes").putArray("targetGroups");
            for (String g : i[1].split(",")) {
                groups.add(g);
            }
        }
        visible(q, "answers.tidigareInsatser != null && answers.tidigareInsatser > 0");
        filter(q, "answers.malgrupp == null || answers.malgrupp in item.attributes.targetGroups");
        answers.putArray("tidigareInsatserTyp").add("behandlingshem").add("stodboende");

        q = question(qs, "samtalsdatum", "background", "Datum för samtalet");
        q.put("answerType", "date");
        q.put("required", true);
        answer("samtalsdatum", "2026-11-20");

        q = question(qs, "deltagare", "background", "Vilka deltog i samtalet?");
        q.put("answerType", "multiple");
        simpleOptions(q, "klient", "handlaggare", "anhorig", "utforare", "tolk");
        answers.putArray("deltagare").add("klient").add("handlaggare").add("tolk");

        q = question(qs, "tolkSprak", "background", "Tolkens språk");
        q.put("answerType", "text");
        q.put("maxLength", 100);
        visible(q, "answers.deltagare != null && 'tolk' in answers.deltagare");
        answer("tolkSprak", "Arabiska");
    }

    /** Areas 2-8: 18 questions each, mostly ratings, with a few rules per area. */
    private void themed(ArrayNode qs, int n, String a) {
        String[] ratingTexts = {
                "Hur nöjd är du med bemötandet?", "Känner du dig lyssnad på?", "Får du den information du behöver?",
                "Är personalen tillgänglig när du behöver dem?", "Känner du dig respekterad?",
                "Har du kunnat påverka hur stödet ser ut?", "Hur väl fungerar samarbetet?",
                "Hur har din situation förändrats?", "Hur trygg känner du dig?", "Hur ser du på framtiden?",
        };
        for (int r = 1; r <= 10; r++) {
            ObjectNode q = question(qs, a + "Betyg" + r, "rating", ratingTexts[r - 1]);
            q.put("scale", "1-5");
            if (r == 1) {
                ObjectNode labels = q.putObject("scaleLabels");
                labels.put("1", "Mycket dåligt");
                labels.put("3", "Varken bra eller dåligt");
                labels.put("5", "Mycket bra");
            }
            if (r == 2 || r == 5) {
                q.put("allowNotApplicable", true);
            }
            q.put("required", r <= 3);
            answers.put(a + "Betyg" + r, 3 + random.nextInt(3));
        }
        ObjectNode q = question(qs, a + "EjAktuellt", "rating", "Hur fungerar kontakten med andra myndigheter?");
        q.put("scale", "1-5");
        q.put("allowNotApplicable", true);
        answers.put(a + "EjAktuellt", "vet-ej"); // "Vet ej / ej aktuellt", an answer of its own

        for (int p = 1; p <= 2; p++) {
            q = question(qs, a + "Procent" + p, "rating", p == 1
                    ? "Hur stor del av målen i planen är uppnådda (procent)?"
                    : "Hur stor del av tiden har du kunnat delta (procent)?");
            q.put("scale", "percent");
            answers.put(a + "Procent" + p, 40 + random.nextInt(61));
        }

        q = question(qs, a + "Fraga", "background", "Har du fått det stöd du behöver inom området?");
        q.put("answerType", "single");
        q.put("required", true);
        simpleOptions(q, "ja", "delvis", "nej");
        boolean explanationShown = n != 1 && n != 4;
        answer(a + "Fraga", explanationShown ? "nej" : "ja");

        q = question(qs, a + "Forklaring", "background", "Vad saknas?");
        q.put("answerType", "text");
        q.put("multiline", true);
        q.put("maxLength", 2000);
        visible(q, "answers." + a + "Fraga == 'nej'");
        if (explanationShown) {
            answer(a + "Forklaring", text(180));
        } else {
            hidden.add(a + "Forklaring");
        }

        q = question(qs, a + "Stod", "background", "Vilket stöd har du fått?");
        q.put("answerType", "multiple");
        ArrayNode opts = staticOptions(q);
        String[] stod = {"samtal", "praktisk-hjalp", "medicinsk", "ekonomisk-radgivning", "gruppverksamhet",
                "anhorigstod", "digitalt-stod", "annat"};
        for (int i = 0; i < stod.length; i++) {
            ObjectNode attrs = option(opts, stod[i], label(stod[i])).putObject("attributes");
            ArrayNode visaFor = attrs.putArray("visaFor");
            visaFor.add("ja").add("delvis");
            if (i % 2 == 0) {
                visaFor.add("nej");
            }
            ArrayNode groups = attrs.putArray("targetGroups");
            for (int g = 0; g < TARGET_GROUPS.length; g++) {
                if ((i + g) % 2 == 0 || g == 0) {
                    groups.add(TARGET_GROUPS[g]);
                }
            }
        }
        if (n <= 3) {
            filter(q, "answers." + a + "Fraga == null || answers." + a + "Fraga in item.attributes.visaFor");
        } else if (n <= 5) {
            filter(q, "answers.malgrupp == null || answers.malgrupp in item.attributes.targetGroups");
        }
        answers.putArray(a + "Stod").add("samtal").add("gruppverksamhet");

        switch (n) {
            case 1 -> {
                q = question(qs, a + "Datum", "background", "Datum för senaste kontakten");
                q.put("answerType", "date");
                auto(q, "answers.samtalsdatum");
                answerAuto(a + "Datum", "2026-11-20");
            }
            case 2 -> {
                q = question(qs, a + "Plan", "background", "Finns en aktuell genomförandeplan?");
                q.put("answerType", "single");
                simpleOptions(q, "ja", "nej", "vet-ej");
                autoWhen(q, "answers.uppfoljningstyp == 'arlig'", "'ja'");
                answerAuto(a + "Plan", "ja");
            }
            case 3 -> {
                q = question(qs, a + "Malgruppsstod", "background", "Har insatsen riktat sig mot beroendet?");
                q.put("answerType", "single");
                simpleOptions(q, "ja", "nej");
                auto(q, "answers.malgrupp == 'vuxna-missbruk' ? dyn('ja') : null");
                answerAuto(a + "Malgruppsstod", "ja");
            }
            case 4 -> {
                q = question(qs, a + "Bostad", "background", "Har du en egen bostad?");
                q.put("answerType", "single");
                simpleOptions(q, "ja", "nej");
                autoWhen(q, "answers.boende != null", "answers.boende == 'hemlos' ? 'nej' : 'ja'");
                answerAuto(a + "Bostad", "ja");
            }
            case 5 -> {
                q = question(qs, a + "Enhet", "background", "Ansvarig enhet");
                q.put("answerType", "text");
                autoWhen(q, "has(user.team) && user.team != null", "user.team");
                answerAuto(a + "Enhet", "Vuxenenheten");
            }
            default -> {
                q = question(qs, a + "Antal", "background", "Antal kontakter senaste månaden");
                q.put("answerType", "number");
                q.put("minimum", 0);
                q.put("maximum", 100);
                answers.put(a + "Antal", 2 + random.nextInt(10));
            }
        }

        q = question(qs, a + "Kommentar", "background", "Vill du säga något mer?");
        q.put("answerType", "text");
        q.put("multiline", true);
        switch (n) {
            case 2 -> visible(q, "answers." + a + "Procent1 >= 40");
            case 3 -> visible(q, "has(subject.targetGroup) && subject.targetGroup == 'vuxna-missbruk'");
            case 5 -> visible(q, "answers.alder >= 18");
            default -> {
            }
        }
        answer(a + "Kommentar", text(320));
    }

    // ---------------------------------------------------------------------------------------------------------

    private ObjectNode question(ArrayNode qs, String id, String kind, String text) {
        ObjectNode q = qs.addObject();
        q.put("id", id);
        q.put("heading", text.length() > 40 ? text.substring(0, 40) : text);
        q.put("text", text);
        q.put("help", "Läs frågan högt. **Tips:** låt klienten svara med egna ord och notera svaret.\n\n"
                + "- Fråga om något är oklart\n- Klienten kan avstå från att svara");
        q.put("kind", kind);
        return q;
    }

    private ArrayNode staticOptions(ObjectNode q) {
        return q.putObject("options").putArray("static");
    }

    private void simpleOptions(ObjectNode q, String... values) {
        ArrayNode opts = staticOptions(q);
        for (String v : values) {
            option(opts, v, label(v));
        }
    }

    private static ObjectNode option(ArrayNode opts, String value, String label) {
        ObjectNode o = opts.addObject();
        o.put("value", value);
        o.put("label", label);
        return o;
    }

    private void visible(ObjectNode q, String cel) {
        q.put("visibleWhen", cel);
        rules++;
    }

    private void filter(ObjectNode q, String cel) {
        q.put("optionFilter", cel);
        rules++;
    }

    private void auto(ObjectNode q, String cel) {
        q.put("autoAnswer", cel);
        rules++;
    }

    private void autoWhen(ObjectNode q, String when, String value) {
        ObjectNode a = q.putObject("autoAnswer");
        a.put("when", when);
        a.put("value", value);
        rules++;
    }

    private void answer(String id, String value) {
        answers.put(id, value);
    }

    private void answerAuto(String id, String value) {
        answers.put(id, value);
        autoAnswered.add(id);
    }

    private static String label(String value) {
        String s = value.replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String text(int length) {
        String[] words = {"stödet", "har", "fungerat", "bra", "men", "jag", "skulle", "vilja", "ha", "mer", "tid",
                "med", "min", "kontaktperson", "och", "tätare", "uppföljning", "av", "planen", "under", "hösten"};
        StringBuilder sb = new StringBuilder("Klienten säger att");
        while (sb.length() < length) {
            sb.append(' ').append(words[random.nextInt(words.length)]);
        }
        return sb.append('.').toString();
    }

    /** Every question id in method order. */
    List<String> questionIds() {
        List<String> ids = new ArrayList<>();
        method.get("areas").forEach(a -> a.get("questions").forEach(q -> ids.add(q.get("id").asString())));
        return ids;
    }

    /** The answers as the web layer hands them to the engine (JSON numbers as Integer, arrays as lists). */
    @SuppressWarnings("unchecked")
    Map<String, Object> answersMap() {
        return new LinkedHashMap<>(mapper.readValue(answersJson(), Map.class));
    }
}
