/**
 * The provider portal (issue #13, item 4): provider users read the inquiries sent to their own organisation,
 * answer them in the generated provider-response form and attach checked PDFs; the caseworker of the case reads
 * those attachments. Scope and answers are the {@code inquiries} module's; files are the {@code documents}
 * module's, kept under the owner {@code inquiry:<id>}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "security", "inquiries", "documents", "forms"})
package se.placera.portal;
