package se.placera.economy.internal;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import se.placera.shared.Problem;

/**
 * Reads a Peppol BIS Billing 3 invoice (UBL 2.1 {@code Invoice}). First the file is validated against the official
 * OASIS UBL 2.1 Invoice schema (from the classpath; nothing is fetched from the network, no DTD or external entity is
 * ever resolved), then the fields the reconciliation needs are read with a streaming parser. Every problem names
 * the file line it is on. The placement a line is for is its {@code cac:Item/cac:BuyersItemIdentification/cbc:ID}
 * (the buyer's reference of the item: the municipality asks its providers to put the placement's id there).
 */
final class UblInvoiceReader {

    static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String SCHEMA = "external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd";
    private static final int MAX_PROBLEMS = 50;
    private static volatile Schema schema;

    private UblInvoiceReader() {
    }

    static Schema schema() {
        if (schema == null) {
            synchronized (UblInvoiceReader.class) {
                if (schema == null) {
                    try {
                        URL url = UblInvoiceReader.class.getClassLoader().getResource(SCHEMA);
                        if (url == null) {
                            throw new IllegalStateException("The UBL 2.1 schema is not on the classpath: " + SCHEMA);
                        }
                        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                        // The schema's own includes are files of the same jar; nothing else is reachable.
                        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
                        f.setResourceResolver(UblInvoiceReader::resolve);
                        schema = f.newSchema(url);
                    } catch (SAXException e) {
                        throw new IllegalStateException("The UBL 2.1 schema cannot be loaded", e);
                    }
                }
            }
        }
        return schema;
    }

    /** The schemas UBL imports by namespace only, from the classpath (never from the network). */
    static final java.util.Map<String, String> IMPORTS = java.util.Map.of(
            "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2", "schemas/CCTS_CCT_SchemaModule.xsd",
            "http://www.w3.org/2000/09/xmldsig#", "schemas/xmldsig-core-schema.xsd",
            "http://uri.etsi.org/01903/v1.3.2#", "schemas/XAdES01903v132-201601.xsd",
            "http://uri.etsi.org/01903/v1.4.1#", "schemas/XAdES01903v141-201601.xsd");

    private static org.w3c.dom.ls.LSInput resolve(String type, String namespace, String publicId, String systemId,
            String baseUri) {
        String resource = namespace == null ? null : IMPORTS.get(namespace);
        if (resource == null) {
            return null; // the UBL files' own relative includes
        }
        URL url = UblInvoiceReader.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Schema not on the classpath: " + resource);
        }
        try {
            org.w3c.dom.ls.DOMImplementationLS ls = (org.w3c.dom.ls.DOMImplementationLS)
                    org.w3c.dom.bootstrap.DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            org.w3c.dom.ls.LSInput in = ls.createLSInput();
            in.setSystemId(url.toExternalForm());
            in.setByteStream(url.openStream());
            return in;
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException("Schema cannot be read: " + resource, e);
        }
    }

    static ParsedInvoice read(byte[] xml) {
        List<Problem> problems = new ArrayList<>();
        validate(xml, problems);
        if (!problems.isEmpty()) {
            throw new InvoiceFileException("The file is not a valid UBL 2.1 invoice.", problems);
        }
        return parse(xml);
    }

    private static void validate(byte[] xml, List<Problem> problems) {
        try {
            Validator v = schema().newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not refuse a file
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    add(e);
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    add(e);
                    throw e;
                }

                private void add(SAXParseException e) throws SAXException {
                    problems.add(new Problem("/lines/" + Math.max(1, e.getLineNumber()), "schema",
                            "Rad " + e.getLineNumber() + ": " + e.getMessage()));
                    if (problems.size() >= MAX_PROBLEMS) {
                        throw e;
                    }
                }
            });
            // A DOCTYPE is refused outright by the secure validator's parser (no entities can be declared).
            javax.xml.parsers.SAXParserFactory spf = javax.xml.parsers.SAXParserFactory.newInstance();
            spf.setNamespaceAware(true);
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
            spf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            spf.setXIncludeAware(false);
            org.xml.sax.XMLReader reader = spf.newSAXParser().getXMLReader();
            v.validate(new javax.xml.transform.sax.SAXSource(reader,
                    new org.xml.sax.InputSource(new ByteArrayInputStream(xml))));
        } catch (SAXParseException e) {
            if (problems.isEmpty()) {
                problems.add(new Problem("/lines/" + Math.max(1, e.getLineNumber()), "not-xml",
                        "Rad " + e.getLineNumber() + ": " + e.getMessage()));
            }
        } catch (SAXException | java.io.IOException | javax.xml.parsers.ParserConfigurationException e) {
            problems.add(new Problem("/lines/1", "not-xml", "Filen kan inte läsas som XML: " + e.getMessage()));
        }
    }

    private static ParsedInvoice parse(byte[] xml) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        Deque<String> path = new ArrayDeque<>();
        Map<String, String> header = new HashMap<>();
        List<Map<String, String>> lines = new ArrayList<>();
        List<Integer> lineStarts = new ArrayList<>();
        Map<String, String> line = null;
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (path.isEmpty() && !INVOICE_NS.equals(r.getNamespaceURI())) {
                        throw new InvoiceFileException("Not an invoice.", List.of(new Problem("/lines/1", "not-invoice",
                                "Rad 1: rotelementet är inte en UBL-faktura (Invoice).")));
                    }
                    path.addLast(r.getLocalName());
                    text.setLength(0);
                    if (path.size() == 2 && "InvoiceLine".equals(r.getLocalName())) {
                        line = new HashMap<>();
                        lines.add(line);
                        lineStarts.add(r.getLocation().getLineNumber());
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String key = String.join("/", path);
                    String value = text.toString().trim();
                    if (line != null && key.startsWith("Invoice/InvoiceLine/")) {
                        line.putIfAbsent(key.substring("Invoice/InvoiceLine/".length()), value);
                    } else if (!value.isEmpty()) {
                        header.putIfAbsent(key, value);
                    }
                    if ("Invoice/InvoiceLine".equals(key)) {
                        line = null;
                    }
                    path.removeLast();
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            int at = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
            throw new InvoiceFileException("The file is not XML.", List.of(new Problem("/lines/" + at, "not-xml",
                    "Rad " + at + ": " + e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        List<ParsedInvoice.Line> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, String> l = lines.get(i);
            int at = lineStarts.get(i);
            String ref = l.get("Item/BuyersItemIdentification/ID");
            LocalDate from = date(l.get("InvoicePeriod/StartDate"), at, "/InvoicePeriod/StartDate", problems);
            LocalDate to = date(l.get("InvoicePeriod/EndDate"), at, "/InvoicePeriod/EndDate", problems);
            if (ref == null || ref.isBlank()) {
                problems.add(new Problem("/lines/" + at, "no-placement", "Rad " + at + ": fakturaraden "
                        + l.getOrDefault("ID", "") + " anger ingen placering (cac:Item/cac:BuyersItemIdentification/cbc:ID)"
                        + " och kan inte matchas."));
            }
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new Problem("/lines/" + at, "period", "Rad " + at + ": perioden slutar före den börjar."));
            }
            Long days = number(l.get("InvoicedQuantity"), at, "antal dagar", true, problems);
            Long price = number(l.get("Price/PriceAmount"), at, "pris", false, problems);
            Long amount = number(l.get("LineExtensionAmount"), at, "belopp", false, problems);
            if (problems.isEmpty()) {
                parsed.add(new ParsedInvoice.Line(l.getOrDefault("ID", String.valueOf(i + 1)), at, ref.trim(),
                        l.get("Item/Name"), from, to, days, price, amount));
            }
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
        }
        if (lines.isEmpty()) {
            problems.add(new Problem("/lines/1", "no-lines", "Rad 1: fakturan har inga fakturarader."));
        }
        Long total = null;
        String totalText = header.get("Invoice/LegalMonetaryTotal/LineExtensionAmount");
        if (totalText != null) {
            total = number(totalText, 1, "radsumma", false, problems);
        }
        LocalDate issue = date(header.get("Invoice/IssueDate"), 1, "/IssueDate", problems);
        if (!problems.isEmpty()) {
            throw new InvoiceFileException("The invoice has lines that cannot be read; nothing was imported.",
                    problems);
        }
        return new ParsedInvoice("peppol-bis-3",
                header.get("Invoice/AccountingSupplierParty/Party/PartyLegalEntity/RegistrationName"),
                header.get("Invoice/AccountingSupplierParty/Party/PartyLegalEntity/CompanyID"),
                header.get("Invoice/ID"), issue, header.get("Invoice/DocumentCurrencyCode"), total, parsed);
    }

    private static LocalDate date(String s, int at, String field, List<Problem> problems) {
        if (s == null) {
            problems.add(new Problem("/lines/" + at, "required", "Rad " + at + ": " + field + " saknas."));
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("/lines/" + at, "date", "Rad " + at + ": " + field + " är inget datum: " + s));
            return null;
        }
    }

    private static Long number(String s, int at, String what, boolean wholeDays, List<Problem> problems) {
        try {
            return wholeDays ? Amounts.days(s) : Amounts.ore(s);
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Problem("/lines/" + at, "number", "Rad " + at + ": " + what + " är inte ett giltigt tal"
                    + (wholeDays ? " (hela dagar)" : " (högst två decimaler)") + ": " + (s == null ? "saknas" : s)));
            return null;
        }
    }
}
