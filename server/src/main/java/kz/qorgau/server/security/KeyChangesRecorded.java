package kz.qorgau.server.security;

import java.util.Map;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.FieldKeysetChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A change of the field keyset (a key added, rotated or made primary) is recorded in the ledger with
 * the administrator's organisation and role and the key ids — never key material. The keyset file
 * changed first: if the ledger could not be written, the request fails with a 500 and the change
 * shows in the keyset listing without its entry, which {@code ledger verify} cannot see; an
 * administrator should then rotate again.
 */
@Component
class KeyChangesRecorded {

    private final AuditTrail audit;

    KeyChangesRecorded(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    @Transactional
    void on(FieldKeysetChanged changed) {
        Actor by = changed.by() instanceof StaffMember member
                ? AccountAdministration.actor(member)
                : AccountAdministration.CONSOLE;
        audit.record(
                changed.change(),
                null,
                by,
                Map.of(
                        "key",
                        changed.keyId(),
                        "keys",
                        changed.keys().stream().map(k -> k.id()).toList()));
    }
}
