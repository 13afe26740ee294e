package kz.qorgau.server.casework;

import java.util.List;
import kz.qorgau.server.directory.StaffMember;

/**
 * Something other modules put at the top of a member's inbox (for example the school early-warning
 * signals waiting for the school's safeguarding lead), so that the inbox is the one place a member
 * looks. Implemented by the modules that own the work; casework only shows the notices.
 */
public interface InboxNotices {

    /** A line on the inbox: a message key of the bundles, its arguments, and where it leads. */
    record Notice(String messageKey, List<Object> arguments, String href, boolean urgent) {

        public Notice {
            arguments = List.copyOf(arguments);
        }
    }

    /** The notices for this member, now; empty when there is nothing to say. */
    List<Notice> forMember(StaffMember member);
}
