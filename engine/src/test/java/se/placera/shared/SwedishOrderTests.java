package se.placera.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwedishOrderTests {

    @Test
    void namesSortAsInSwedishWithÅÄÖLastAndCaseSecond() {
        List<String> names = new ArrayList<>(Arrays.asList("Örebro HVB", null, "Ängsbacken", "Åsgården", "Zeta",
                "alfa", "Beta", "Älvsbo", "Ås"));
        names.sort(SwedishOrder.NAMES);
        assertThat(names).containsExactly("alfa", "Beta", "Zeta", "Ås", "Åsgården", "Älvsbo", "Ängsbacken",
                "Örebro HVB", null);
    }
}
