package kz.qorgau.signals.tx.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Camt053ExternalEntitiesAreNotResolvedTest {

    @TempDir
    Path dir;

    private List<InputRow> read(String xml) {
        return Rows.all(TransactionReader.camt053(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), ZoneOffset.ofHours(5)));
    }

    private static String statementWithMemo(String doctype, String memo) {
        return "<?xml version=\"1.0\"?>\n" + doctype
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Id>S</Id>"
                + "<Acct><Id><IBAN>KZ90601A861000012345</IBAN></Id></Acct>"
                + "<Ntry><Amt Ccy=\"KZT\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><DtTm>2026-03-07T19:34:38+05:00</DtTm></BookgDt>"
                + "<NtryDtls><TxDtls><Refs><TxId>X1</TxId></Refs><RltdPties><DbtrAcct><Id><IBAN>KZ18722S000012345678</IBAN></Id></DbtrAcct></RltdPties>"
                + "<RmtInf><Ustrd>" + memo
                + "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>";
    }

    @Test
    void anExternalEntityIsNeverReadIntoTheStatement() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String doctype = "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n";

        List<InputRow> rows = read(statementWithMemo(doctype, "&xxe;"));

        assertThat(rows).noneMatch(r -> r.toString().contains("TOP-SECRET-CONTENT"));
        assertThat(rows).last().isInstanceOf(InputRow.Aborted.class);
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        String doctype = "<!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n";

        List<InputRow> rows = read(statementWithMemo(doctype, "&c;"));

        assertThat(rows).last().isInstanceOf(InputRow.Aborted.class);
        assertThat(Rows.parsed(rows)).isEmpty();
    }

    @Test
    void theSameStatementWithoutADoctypeIsRead() {
        assertThat(Rows.parsed(read(statementWithMemo("", "ok"))))
                .singleElement()
                .satisfies(t -> assertThat(t.memo()).isEqualTo("ok"));
    }
}
