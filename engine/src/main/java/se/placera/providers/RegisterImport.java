package se.placera.providers;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import se.placera.shared.Problem;

/**
 * What an Excel import did (or, validating only, would do).
 *
 * @param mode     {@code all-or-nothing}: any error and nothing is stored; {@code valid-rows}: the valid rows
 *                 are stored and the others reported
 * @param applied  whether anything was stored
 * @param rows     data rows read
 * @param created  units created
 * @param updated  units changed
 * @param unchanged units already as in the file
 * @param rejected rows not imported because of errors
 * @param errors   pointer {@code /rows/<excel row>/<column>}; the detail names row and column in words
 */
@Schema(description = "Resultat av import av utförarregistret från Excel")
public record RegisterImport(String mode, boolean validateOnly, boolean applied, int rows, int created, int updated,
        int unchanged, int rejected, int providersCreated, int providersUpdated, List<Problem> errors) {

    public static final String ALL_OR_NOTHING = "all-or-nothing";
    public static final String VALID_ROWS = "valid-rows";
}
