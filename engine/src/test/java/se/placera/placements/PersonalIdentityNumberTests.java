package se.placera.placements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Skatteverket's test numbers (fictitious, from its published test series) and hand-computed check digits. */
class PersonalIdentityNumberTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @ParameterizedTest
    @CsvSource({
            "19121212-1212, 191212121212",
            "191212121212, 191212121212",
            "121212-1212, 201212121212",
            "121212+1212, 191212121212",
            "1212121212, 201212121212",
            "20080229-2383, 200802292383",
    })
    void acceptsTheUsualShapesAndKeepsTwelveDigits(String input, String canonical) {
        PersonalIdentityNumber p = PersonalIdentityNumber.parse(input, TODAY);
        assertThat(p.canonical()).isEqualTo(canonical);
        assertThat(p.masked()).isEqualTo(canonical.substring(0, 8) + "-XXXX");
        assertThat(p.toString()).isEqualTo(p.masked());
    }

    @Test
    void aCoordinationNumberHasTheDayPlusSixty() {
        // 1990-08-12 as a samordningsnummer: day 72; serial 239; check digit by Luhn over 9008722 39.
        String nine = "900872239";
        int check = PersonalIdentityNumber.luhn(nine);
        PersonalIdentityNumber p = PersonalIdentityNumber.parse("19900872-239" + check, TODAY);
        assertThat(p.isCoordinationNumber()).isTrue();
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1990, 8, 12));
        assertThat(p.ageOn(TODAY)).isEqualTo(36);
    }

    @ParameterizedTest
    @CsvSource({
            "19121212-1213, CHECKSUM",
            "19121312-1212, DATE",
            "20070229-1234, DATE",
            "20301212-1212, DATE",
            "1912121212121, FORMAT",
            "abc, FORMAT",
            "'', FORMAT",
    })
    void refusesWhatIsNotANumber(String input, PersonalIdentityNumber.Defect defect) {
        assertThatThrownBy(() -> PersonalIdentityNumber.parse(input, TODAY))
                .isInstanceOfSatisfying(PersonalIdentityNumber.InvalidException.class,
                        e -> assertThat(e.defect()).isEqualTo(defect))
                .message().doesNotContain("1212-1212");
    }

    @Test
    void luhnOfTheClassicExample() {
        // 811218-987? : Skatteverket's worked example gives the check digit 6.
        assertThat(PersonalIdentityNumber.luhn("811218987")).isEqualTo(6);
    }
}
