package kz.qorgau.signals.tx.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccountsCsvIsReadTest {

    @Test
    void validRowsBecomeProfilesAndBadRowsAreNamed() {
        AccountsCsv.Result result = AccountsCsv.read(new StringReader("""
                account,holder_birth_date,holder_phone,opened_at,kind
                KZ1,2008-06-12,+77786541813,2026-02-28,personal
                KZ2,,,2020-01-27,business
                KZ3,2008-02-30,,,personal
                KZ1,2001-01-01,,,personal
                KZ4,2009-01-01
                """));

        assertThat(result.directory().size()).isEqualTo(2);
        assertThat(result.directory().find("KZ1")).hasValueSatisfying(p -> {
            assertThat(p.holderBirthDate()).isEqualTo(LocalDate.of(2008, 6, 12));
            assertThat(p.holderPhone()).isEqualTo("+77786541813");
            assertThat(p.ageOn(LocalDate.of(2026, 6, 11))).isEqualTo(17);
            assertThat(p.ageOn(LocalDate.of(2026, 6, 12))).isEqualTo(18);
        });
        assertThat(result.directory().find("KZ2"))
                .hasValueSatisfying(p -> assertThat(p.holderBirthDate()).isNull());
        assertThat(result.aborted()).isFalse();
        assertThat(result.problems())
                .extracting(r -> r.line() + ": " + ((InputRow.Rejected) r).reason())
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("4: ").contains("2008-02-30"),
                        r -> assertThat(r).startsWith("5: ").contains("listed twice"),
                        r -> assertThat(r).startsWith("6: ").contains("expected 5 fields"));
    }

    @Test
    void aWrongHeaderIsNamed() {
        AccountsCsv.Result result = AccountsCsv.read(new StringReader("acct,birth\nKZ1,2008-01-01\n"));

        assertThat(result.aborted()).isTrue();
        assertThat(result.problems())
                .singleElement()
                .isInstanceOfSatisfying(
                        InputRow.Aborted.class,
                        a -> assertThat(a.reason()).contains("missing account, holder_birth_date"));
    }
}
