package kz.qorgau.signals.tx.input;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads ISO 20022 camt.053 bank-to-customer statements (also camt.052 reports and camt.054
 * notifications, which share the entry structure) with StAX, one entry at a time. DTDs and external
 * entities are disabled, so a document cannot make the reader fetch files or URLs (XXE).
 *
 * <p>Mapping of an entry ({@code Ntry}) and each of its transaction details ({@code TxDtls}) to a
 * {@link kz.qorgau.signals.tx.Transaction}:
 *
 * <ul>
 *   <li>The statement's own account is {@code Stmt/Acct/Id/IBAN} (or {@code Othr/Id}); its phone is
 *       {@code Stmt/Acct/Ownr/CtctDtls/MobNb} (or {@code PhneNb}).
 *   <li>{@code CdtDbtInd} {@code CRDT}: money in. {@code to_account} is the statement's account,
 *       {@code from_account} the debtor's account ({@code RltdPties/DbtrAcct/Id/IBAN}, else
 *       {@code Othr/Id}, else {@code proxy:} + {@code DbtrAcct/Prxy/Id}, else {@code name:} +
 *       {@code Dbtr/Nm}). {@code DBIT}: money out, the creditor side mirrored. The transaction-level
 *       indicator wins over the entry's.
 *   <li>Phones: the counterparty's {@code CtctDtls/MobNb} or {@code PhneNb}, else its account proxy
 *       when that looks like a phone number (transfers by phone number).
 *   <li>Time: {@code TxDtls/RltdDts/AccptncDtTm} (or {@code TxDtTm}), else {@code BookgDt/DtTm}, else {@code ValDt/DtTm},
 *       else the booking (or value) date at 12:00, so that a date-only entry never counts as night.
 *       Times without an offset get the reader's offset (+05:00 by default).
 *   <li>Amount and currency: {@code TxDtls/Amt} (or {@code AmtDtls/TxAmt/Amt}), else the entry's
 *       {@code Amt} when the entry has at most one transaction.
 *   <li>Merchant category: a {@code BkTxCd/Prtry/Cd} whose {@code Issr} is {@code MCC} or
 *       {@code ISO18245}, or the creditor's {@code Id/OrgId/Othr/Id} with scheme {@code MCC}.
 *   <li>Channel: {@code card} when there is a {@code CardTx} or a merchant category, {@code salary} for
 *       sub-family {@code SALA}, {@code p2p} for credit transfers ({@code RCDT}/{@code ICDT}), otherwise
 *       the family code in lower case.
 *   <li>Memo: {@code RmtInf/Ustrd} (joined), else {@code AddtlTxInf}, else {@code AddtlNtryInf}.
 *   <li>City: for money out, the creditor's {@code PstlAdr/TwnNm} (where the card was used); for
 *       money in, the debtor's.
 *   <li>Identifier: {@code EndToEndId} (unless {@code NOTPROVIDED}), else {@code TxId}, else the
 *       servicer's reference, else {@code NtryRef}, else statement id and entry number. A transfer in
 *       both parties' statements keeps its EndToEndId, so the screener drops the second copy.
 *   <li>Entries with status other than {@code BOOK} and reversals ({@code RvslInd} true) are skipped.
 * </ul>
 */
final class Camt053TransactionReader implements TransactionReader {

    private static final int MAX_TEXT = 4096;
    private static final int MAX_DEPTH = 64;
    private static final Set<String> STATEMENTS = Set.of("Stmt", "Rpt", "Ntfctn");

    private final InputStream source;
    private final ZoneOffset offset;
    private final FieldParser fields = new FieldParser();
    private @Nullable XMLStreamReader xml;
    private final ArrayDeque<InputRow> pending = new ArrayDeque<>();
    private final List<String> path = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean done;
    private boolean started;

    private @Nullable String statementId;
    private @Nullable String statementAccount;
    private @Nullable String statementPhone;
    private int entryNumber;
    private @Nullable Entry entry;
    private @Nullable Details details;
    private @Nullable String amountCurrency;

    /** The counterparty fields of one side (debtor or creditor). */
    private static final class Party {
        @Nullable
        String name;

        @Nullable
        String town;

        @Nullable
        String phone;

        @Nullable
        String iban;

        @Nullable
        String other;

        @Nullable
        String proxy;

        @Nullable
        String orgOtherId;

        @Nullable
        String orgOtherScheme;

        @Nullable
        String merchantCategory;
    }

    /** Fields shared by the entry and its transaction details. */
    private static class Booking {
        @Nullable
        String amount;

        @Nullable
        String currency;

        @Nullable
        String direction;

        @Nullable
        String family;

        @Nullable
        String subFamily;

        @Nullable
        String proprietaryCode;

        @Nullable
        String proprietaryIssuer;

        boolean card;
    }

    private static final class Details extends Booking {
        @Nullable
        String endToEndId;

        @Nullable
        String transactionId;

        @Nullable
        String servicerReference;

        final Party debtor = new Party();
        final Party creditor = new Party();
        final StringBuilder unstructured = new StringBuilder();

        @Nullable
        String acceptance;

        @Nullable
        String additional;
    }

    private static final class Entry extends Booking {
        final long line;

        @Nullable
        String reversal;

        @Nullable
        String status;

        @Nullable
        String bookingDateTime;

        @Nullable
        String bookingDate;

        @Nullable
        String valueDateTime;

        @Nullable
        String valueDate;

        @Nullable
        String reference;

        @Nullable
        String servicerReference;

        @Nullable
        String additional;

        final List<Details> details = new ArrayList<>();

        Entry(long line) {
            this.line = line;
        }
    }

    Camt053TransactionReader(InputStream in, ZoneOffset offset) {
        this.source = in;
        this.offset = offset;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && !done) {
            step();
        }
        return !pending.isEmpty();
    }

    @Override
    public InputRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    private long lineNow() {
        XMLStreamReader reader = xml;
        return reader == null ? 1 : Math.max(1, reader.getLocation().getLineNumber());
    }

    private void abort(String reason) {
        pending.add(new InputRow.Aborted(lineNow(), reason));
        done = true;
    }

    private void step() {
        try {
            XMLStreamReader reader = xml;
            if (!started) {
                started = true;
                reader = xml = secureFactory().createXMLStreamReader(source);
            }
            if (reader == null || !reader.hasNext()) {
                done = true;
                return;
            }
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> start(reader);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (text.length() + reader.getTextLength() > MAX_TEXT) {
                        abort("element " + reader.getLocalName() + " holds more than " + MAX_TEXT
                                + " characters of text; camt.053 fields are short");
                        return;
                    }
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    abort("entity reference &" + reader.getLocalName() + "; is not allowed in a statement");
                case XMLStreamConstants.END_ELEMENT -> end(reader);
                case XMLStreamConstants.END_DOCUMENT -> done = true;
                default -> {}
            }
        } catch (XMLStreamException e) {
            String message =
                    e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ");
            long line = e.getLocation() != null ? Math.max(1, e.getLocation().getLineNumber()) : lineNow();
            pending.add(new InputRow.Aborted(line, "the XML cannot be read past this point: " + message));
            done = true;
        }
    }

    private void start(XMLStreamReader reader) {
        String name = reader.getLocalName();
        if (path.isEmpty()) {
            String namespace = reader.getNamespaceURI();
            if (!name.equals("Document")
                    || namespace != null
                            && !namespace.isEmpty()
                            && !namespace.startsWith("urn:iso:std:iso:20022:tech:xsd:camt.05")) {
                abort("not an ISO 20022 camt.053 statement: the root element is " + name
                        + (namespace == null || namespace.isEmpty() ? "" : " in " + namespace)
                        + "; expected Document in urn:iso:std:iso:20022:tech:xsd:camt.053.001.xx");
                return;
            }
        }
        if (path.size() >= MAX_DEPTH) {
            abort("elements are nested deeper than " + MAX_DEPTH + " levels");
            return;
        }
        path.add(name);
        text.setLength(0);
        if (STATEMENTS.contains(name) && path.size() == 3) {
            statementId = null;
            statementAccount = null;
            statementPhone = null;
            entryNumber = 0;
        } else if (name.equals("Ntry") && entry == null) {
            entry = new Entry(lineNow());
            entryNumber++;
        } else if (name.equals("TxDtls") && entry != null) {
            details = new Details();
            entry.details.add(details);
        } else if (name.equals("CardTx")) {
            Booking target = details != null ? details : entry;
            if (target != null) {
                target.card = true;
            }
        }
        if (name.equals("Amt")) {
            amountCurrency = reader.getAttributeValue(null, "Ccy");
        }
    }

    private void end(XMLStreamReader reader) {
        String name = reader.getLocalName();
        String value = text.toString().strip();
        text.setLength(0);
        int ntry = path.lastIndexOf("Ntry");
        int txDtls = path.lastIndexOf("TxDtls");
        Entry currentEntry = entry;
        Details currentDetails = details;
        if (currentDetails != null && txDtls >= 0) {
            detailsField(currentDetails, relative(txDtls), value);
        } else if (currentEntry != null && ntry >= 0) {
            entryField(currentEntry, relative(ntry), value);
        } else {
            int statement = -1;
            for (int i = 0; i < path.size(); i++) {
                if (STATEMENTS.contains(path.get(i))) {
                    statement = i;
                }
            }
            if (statement >= 0) {
                statementField(relative(statement), value);
            }
        }
        path.remove(path.size() - 1);
        if (name.equals("TxDtls")) {
            details = null;
        } else if (name.equals("Ntry") && currentEntry != null) {
            entry = null;
            emit(currentEntry);
        }
    }

    /** The path below the anchor element, without the {@code Pty} wrappers of versions .08 and later. */
    private String relative(int anchor) {
        StringBuilder key = new StringBuilder();
        for (int i = anchor + 1; i < path.size(); i++) {
            String part = path.get(i);
            if (part.equals("Pty")) {
                continue;
            }
            if (!key.isEmpty()) {
                key.append('/');
            }
            key.append(part);
        }
        return key.toString();
    }

    private void statementField(String key, String value) {
        switch (key) {
            case "Id" -> statementId = value;
            case "Acct/Id/IBAN" -> statementAccount = value;
            case "Acct/Id/Othr/Id" -> {
                if (statementAccount == null) {
                    statementAccount = value;
                }
            }
            case "Acct/Ownr/CtctDtls/MobNb" -> statementPhone = value;
            case "Acct/Ownr/CtctDtls/PhneNb" -> {
                if (statementPhone == null) {
                    statementPhone = value;
                }
            }
            default -> {}
        }
    }

    private void booking(Booking booking, String key, String value) {
        switch (key) {
            case "Amt" -> {
                booking.amount = value;
                booking.currency = amountCurrency;
            }
            case "CdtDbtInd" -> booking.direction = value;
            case "BkTxCd/Domn/Fmly/Cd" -> booking.family = value;
            case "BkTxCd/Domn/Fmly/SubFmlyCd" -> booking.subFamily = value;
            case "BkTxCd/Prtry/Cd" -> booking.proprietaryCode = value;
            case "BkTxCd/Prtry/Issr" -> booking.proprietaryIssuer = value;
            default -> {}
        }
    }

    private void entryField(Entry e, String key, String value) {
        booking(e, key, value);
        switch (key) {
            case "RvslInd" -> e.reversal = value;
            case "Sts", "Sts/Cd" -> e.status = value.isEmpty() ? e.status : value;
            case "BookgDt/DtTm" -> e.bookingDateTime = value;
            case "BookgDt/Dt" -> e.bookingDate = value;
            case "ValDt/DtTm" -> e.valueDateTime = value;
            case "ValDt/Dt" -> e.valueDate = value;
            case "NtryRef" -> e.reference = value;
            case "AcctSvcrRef" -> e.servicerReference = value;
            case "AddtlNtryInf" -> e.additional = value;
            default -> {}
        }
    }

    private void detailsField(Details d, String key, String value) {
        booking(d, key, value);
        if (key.startsWith("RltdPties/Dbtr/") || key.startsWith("RltdPties/DbtrAcct/")) {
            partyField(d.debtor, key.substring("RltdPties/Dbtr".length()), value);
            return;
        }
        if (key.startsWith("RltdPties/Cdtr/") || key.startsWith("RltdPties/CdtrAcct/")) {
            partyField(d.creditor, key.substring("RltdPties/Cdtr".length()), value);
            return;
        }
        switch (key) {
            case "AmtDtls/TxAmt/Amt" -> {
                if (d.amount == null) {
                    d.amount = value;
                    d.currency = amountCurrency;
                }
            }
            case "Refs/EndToEndId" -> d.endToEndId = value;
            case "Refs/TxId" -> d.transactionId = value;
            case "Refs/AcctSvcrRef" -> d.servicerReference = value;
            case "RmtInf/Ustrd" -> {
                if (!d.unstructured.isEmpty()) {
                    d.unstructured.append(' ');
                }
                d.unstructured.append(value);
            }
            case "RltdDts/AccptncDtTm" -> d.acceptance = value;
            case "RltdDts/TxDtTm" -> {
                if (d.acceptance == null) {
                    d.acceptance = value;
                }
            }
            case "AddtlTxInf" -> d.additional = value;
            default -> {}
        }
    }

    /** {@code key} starts with "/..." (party) or "Acct/..." (its account). */
    private static void partyField(Party p, String key, String value) {
        switch (key) {
            case "/Nm" -> p.name = value;
            case "/PstlAdr/TwnNm" -> p.town = value;
            case "/CtctDtls/MobNb" -> p.phone = value;
            case "/CtctDtls/PhneNb" -> {
                if (p.phone == null) {
                    p.phone = value;
                }
            }
            case "Acct/Id/IBAN" -> p.iban = value;
            case "Acct/Id/Othr/Id" -> p.other = value;
            case "Acct/Prxy/Id" -> p.proxy = value;
            case "/Id/OrgId/Othr/Id" -> p.orgOtherId = value;
            case "/Id/OrgId/Othr/SchmeNm/Cd", "/Id/OrgId/Othr/SchmeNm/Prtry" -> p.orgOtherScheme = value;
            case "/Id/OrgId/Othr" -> {
                if ("MCC".equalsIgnoreCase(p.orgOtherScheme) && p.orgOtherId != null) {
                    p.merchantCategory = p.orgOtherId;
                }
                p.orgOtherId = null;
                p.orgOtherScheme = null;
            }
            default -> {}
        }
    }

    private void emit(Entry e) {
        String account = statementAccount;
        if (account == null || account.isEmpty()) {
            pending.add(new InputRow.Rejected(
                    e.line, "entry comes before the statement's account (Stmt/Acct/Id/IBAN or Othr/Id) is known"));
            return;
        }
        if (e.status != null && !e.status.equalsIgnoreCase("BOOK")) {
            pending.add(new InputRow.Skipped(
                    e.line, "entry status " + e.status + ": only booked (BOOK) entries are screened"));
            return;
        }
        if ("true".equalsIgnoreCase(e.reversal)) {
            pending.add(new InputRow.Skipped(e.line, "reversal of an earlier entry: not screened"));
            return;
        }
        List<Details> all = e.details.isEmpty() ? List.of(new Details()) : e.details;
        for (int k = 0; k < all.size(); k++) {
            pending.add(row(e, all.get(k), k, all.size(), account));
        }
    }

    private InputRow row(Entry e, Details d, int index, int count, String account) {
        String direction = d.direction != null ? d.direction : e.direction;
        boolean credit;
        if ("CRDT".equals(direction)) {
            credit = true;
        } else if ("DBIT".equals(direction)) {
            credit = false;
        } else {
            return new InputRow.Rejected(
                    e.line, "CdtDbtInd is '" + (direction == null ? "" : direction) + "'; expected CRDT or DBIT");
        }
        String amount = d.amount != null ? d.amount : count <= 1 ? e.amount : null;
        String currency = d.amount != null ? d.currency : e.currency;
        if (amount == null) {
            return new InputRow.Rejected(
                    e.line,
                    "batch entry with " + count + " transactions but no amount for transaction " + (index + 1)
                            + " (TxDtls/Amt)");
        }
        Party other = credit ? d.debtor : d.creditor;
        String counterparty =
                first(other.iban, other.other, prefixed("proxy:", other.proxy), prefixed("name:", other.name));
        if (counterparty == null) {
            return new InputRow.Rejected(
                    e.line, "entry names no counterparty (no account, proxy or name under RltdPties)");
        }
        String otherPhone = first(other.phone, looksLikePhone(other.proxy) ? other.proxy : null);
        String time =
                timestamp(first(d.acceptance, e.bookingDateTime, e.valueDateTime), first(e.bookingDate, e.valueDate));
        String mcc = first(merchantCode(d), d.creditor.merchantCategory, credit ? null : merchantCode(e));
        String channel;
        if (d.card || e.card || mcc != null) {
            channel = "card";
        } else if ("SALA".equals(first(d.subFamily, e.subFamily))) {
            channel = "salary";
        } else {
            String family = first(d.family, e.family);
            channel = family == null
                    ? ""
                    : family.equals("RCDT") || family.equals("ICDT") ? "p2p" : family.toLowerCase(Locale.ROOT);
        }
        String memo = first(d.unstructured.isEmpty() ? null : d.unstructured.toString(), d.additional, e.additional);
        String city = first(other.town);
        String reference = first(
                "NOTPROVIDED".equalsIgnoreCase(d.endToEndId) ? null : d.endToEndId,
                d.transactionId,
                d.servicerReference);
        String id = reference != null
                ? reference
                : first(
                                e.servicerReference,
                                e.reference,
                                (statementId == null ? "statement" : statementId) + "/" + entryNumber)
                        + (count > 1 ? "/" + (index + 1) : "");
        return fields.row(
                e.line,
                new FieldParser.Fields(
                        id,
                        time == null ? "" : time,
                        credit ? counterparty : account,
                        credit ? account : counterparty,
                        amount,
                        currency == null ? "" : currency,
                        channel,
                        orEmpty(credit ? otherPhone : statementPhone),
                        orEmpty(credit ? statementPhone : otherPhone),
                        mcc == null ? "" : mcc,
                        orEmpty(memo),
                        orEmpty(city)));
    }

    private static @Nullable String merchantCode(Booking booking) {
        String issuer = booking.proprietaryIssuer;
        if (issuer == null || booking.proprietaryCode == null) {
            return null;
        }
        String normalised = issuer.replace(" ", "").toUpperCase(Locale.ROOT);
        return normalised.equals("MCC") || normalised.equals("ISO18245") ? booking.proprietaryCode : null;
    }

    /** An ISO-8601 date-time with offset, or the raw text for the field parser to refuse. */
    private @Nullable String timestamp(@Nullable String dateTime, @Nullable String date) {
        if (dateTime != null) {
            try {
                return OffsetDateTime.parse(dateTime).toString();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(dateTime).atOffset(offset).toString();
                } catch (DateTimeParseException notLocal) {
                    return dateTime;
                }
            }
        }
        if (date != null) {
            try {
                return LocalDate.parse(date)
                        .atTime(LocalTime.NOON)
                        .atOffset(offset)
                        .toString();
            } catch (DateTimeParseException e) {
                return date;
            }
        }
        return null;
    }

    private static boolean looksLikePhone(@Nullable String value) {
        return value != null && value.matches("\\+?[0-9 ()\\-]{7,20}");
    }

    private static @Nullable String prefixed(String prefix, @Nullable String value) {
        return value == null || value.isEmpty() ? null : prefix + value;
    }

    private static @Nullable String first(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() throws IOException {
        XMLStreamReader reader = xml;
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        }
        source.close();
    }
}
