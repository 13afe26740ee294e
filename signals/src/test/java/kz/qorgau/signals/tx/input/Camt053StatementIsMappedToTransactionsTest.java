package kz.qorgau.signals.tx.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import kz.qorgau.signals.tx.Transaction;
import org.junit.jupiter.api.Test;

class Camt053StatementIsMappedToTransactionsTest {

    private static final String OWN = "KZ90601A861000012345";

    private static List<InputRow> sample() {
        InputStream in = Objects.requireNonNull(
                Camt053StatementIsMappedToTransactionsTest.class.getResourceAsStream(
                        "/kz/qorgau/signals/tx/camt053-statement.xml"),
                "camt053-statement.xml");
        return Rows.all(TransactionReader.camt053(in, TransactionReader.KAZAKHSTAN));
    }

    private static Transaction byId(List<InputRow> rows, String id) {
        return Rows.parsed(rows).stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no transaction " + id + " in " + rows));
    }

    @Test
    void everyBookedTransactionOfTheStatementIsRead() {
        List<InputRow> rows = sample();

        assertThat(Rows.parsed(rows)).hasSize(7);
        assertThat(Rows.problems(rows))
                .allMatch(InputRow.Skipped.class::isInstance)
                .extracting(r -> ((InputRow.Skipped) r).reason())
                .satisfiesExactly(
                        r -> assertThat(r).contains("PDNG"), r -> assertThat(r).contains("reversal"));
    }

    @Test
    void aCreditComesFromTheDebtorsAccountToTheStatementsAccount() {
        Transaction credit = byId(sample(), "E2E-20260307-5338714-01");

        assertThat(credit.fromAccount()).isEqualTo("KZ18722S000012345678");
        assertThat(credit.toAccount()).isEqualTo(OWN);
        assertThat(credit.amountMinor()).isEqualTo(1_505_500);
        assertThat(credit.currency().getCurrencyCode()).isEqualTo("KZT");
        assertThat(credit.timestamp()).isEqualTo(OffsetDateTime.parse("2026-03-07T19:34:38+05:00"));
        assertThat(credit.fromPhone()).isEqualTo("+7-7775338714");
        assertThat(credit.toPhone()).isEqualTo("+7-7786541813");
        assertThat(credit.memo()).isEqualTo("за ночь");
        assertThat(credit.city()).isEqualTo("Turkistan");
        assertThat(credit.channel()).isEqualTo("p2p");
    }

    @Test
    void aTransferByPhoneUsesTheProxyAndTheAcceptanceTime() {
        Transaction byPhone = byId(sample(), "KSP-5404214-0307-2310");

        assertThat(byPhone.fromAccount()).isEqualTo("proxy:+77025404214");
        assertThat(byPhone.fromPhone()).isEqualTo("+77025404214");
        assertThat(byPhone.timestamp()).isEqualTo(OffsetDateTime.parse("2026-03-07T23:10:00+05:00"));
    }

    @Test
    void aCardPaymentCarriesItsMerchantCategoryFromTheProprietaryBankCode() {
        Transaction taxi = byId(sample(), "QRGB0308C0003");

        assertThat(taxi.fromAccount()).isEqualTo(OWN);
        assertThat(taxi.toAccount()).isEqualTo("MERCHANT-761449421");
        assertThat(taxi.merchantCategory()).isEqualTo(4121);
        assertThat(taxi.channel()).isEqualTo("card");
    }

    @Test
    void aHotelWithOnlyABookingDateIsPlacedAtNoonWithTheCreditorsTown() {
        Transaction hotel = byId(sample(), "QRGB0308C0007");

        assertThat(hotel.merchantCategory()).isEqualTo(7011);
        assertThat(hotel.city()).isEqualTo("Almaty");
        assertThat(hotel.timestamp()).isEqualTo(OffsetDateTime.of(2026, 3, 8, 12, 0, 0, 0, ZoneOffset.ofHours(5)));
    }

    @Test
    void aDebitGoesFromTheStatementsAccountToTheCreditor() {
        Transaction out = byId(sample(), "E2E-20260308-6541813-07");

        assertThat(out.fromAccount()).isEqualTo(OWN);
        assertThat(out.toAccount()).isEqualTo("KZ87601A861000077001");
        assertThat(out.toPhone()).isEqualTo("+7-7766779639");
        assertThat(out.amountMinor()).isEqualTo(2_400_000);
    }

    @Test
    void aBatchEntryBecomesOneTransactionPerDetail() {
        List<InputRow> rows = sample();

        assertThat(byId(rows, "E2E-20260308-0770949-11").amountMinor()).isEqualTo(2_000_000);
        assertThat(byId(rows, "E2E-20260308-0950021-12").fromAccount()).isEqualTo("KZ33998CTB0000012340");
        assertThat(byId(rows, "E2E-20260308-0950021-12").memo()).isEqualTo("спасибо");
    }

    @Test
    void malformedXmlStopsWithItsLine() {
        String xml =
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n<BkToCstmrStmt>\n<Stmt>\n</Wrong>";

        List<InputRow> rows = Rows.all(TransactionReader.camt053(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), ZoneOffset.ofHours(5)));

        assertThat(rows).singleElement().isInstanceOfSatisfying(InputRow.Aborted.class, a -> {
            assertThat(a.line()).isEqualTo(4);
            assertThat(a.reason()).contains("cannot be read");
        });
    }

    @Test
    void anotherXmlDocumentIsNotTakenForAStatement() {
        String xml =
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn/></Document>";

        List<InputRow> rows = Rows.all(TransactionReader.camt053(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), ZoneOffset.ofHours(5)));

        assertThat(rows)
                .singleElement()
                .isInstanceOfSatisfying(
                        InputRow.Aborted.class,
                        a -> assertThat(a.reason()).contains("not an ISO 20022 camt.053 statement", "pain.001"));
    }
}
