/**
 * Document formats: spreadsheets (Apache POI) now; DOCX/PDF (docx4j, OpenPDF, FreeMarker) for agreements and
 * reports later. The only module that touches those libraries; others pass plain data in and get bytes back.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package se.placera.documents;
