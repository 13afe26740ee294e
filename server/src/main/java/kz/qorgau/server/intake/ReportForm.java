package kz.qorgau.server.intake;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** The web report form's fields, as the browser sends them (a bean, for Thymeleaf's form binding). */
public class ReportForm {

    private @Nullable String formToken;
    private @Nullable String childName;
    private @Nullable String childAge;
    private @Nullable String childBirthDate;
    private @Nullable String school;
    private @Nullable String city;
    private List<String> categories = new ArrayList<>();
    private @Nullable String narrative;
    private @Nullable String since;
    private @Nullable String reporterRelation;
    private boolean anonymous = true;
    private @Nullable String reporterName;
    private @Nullable String contact;
    private boolean institutionRefused;
    private @Nullable String refusedBy;
    private boolean threatened;
    private @Nullable String threatenedBy;
    private boolean staffInvolved;
    private @Nullable String staffOf;
    private List<MultipartFile> attachments = new ArrayList<>();

    ReportDraft toDraft(String language) {
        return new ReportDraft(
                childName,
                childAge,
                childBirthDate,
                school,
                city,
                categories,
                narrative,
                since,
                reporterRelation,
                anonymous,
                reporterName,
                contact,
                institutionRefused,
                refusedBy,
                threatened,
                threatenedBy,
                staffInvolved,
                staffOf,
                language);
    }

    public @Nullable String getFormToken() {
        return formToken;
    }

    public void setFormToken(@Nullable String formToken) {
        this.formToken = formToken;
    }

    public @Nullable String getChildName() {
        return childName;
    }

    public void setChildName(@Nullable String childName) {
        this.childName = childName;
    }

    public @Nullable String getChildAge() {
        return childAge;
    }

    public void setChildAge(@Nullable String childAge) {
        this.childAge = childAge;
    }

    /** The date of birth as the browser sends it: {@code yyyy-MM-dd} from a date input. */
    public @Nullable String getChildBirthDate() {
        return childBirthDate;
    }

    public void setChildBirthDate(@Nullable String childBirthDate) {
        this.childBirthDate = childBirthDate;
    }

    public @Nullable String getSchool() {
        return school;
    }

    public void setSchool(@Nullable String school) {
        this.school = school;
    }

    public @Nullable String getCity() {
        return city;
    }

    public void setCity(@Nullable String city) {
        this.city = city;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(@Nullable List<String> categories) {
        this.categories = categories == null ? new ArrayList<>() : categories;
    }

    public @Nullable String getNarrative() {
        return narrative;
    }

    public void setNarrative(@Nullable String narrative) {
        this.narrative = narrative;
    }

    public @Nullable String getSince() {
        return since;
    }

    public void setSince(@Nullable String since) {
        this.since = since;
    }

    public @Nullable String getReporterRelation() {
        return reporterRelation;
    }

    public void setReporterRelation(@Nullable String reporterRelation) {
        this.reporterRelation = reporterRelation;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public @Nullable String getReporterName() {
        return reporterName;
    }

    public void setReporterName(@Nullable String reporterName) {
        this.reporterName = reporterName;
    }

    public @Nullable String getContact() {
        return contact;
    }

    public void setContact(@Nullable String contact) {
        this.contact = contact;
    }

    public boolean isInstitutionRefused() {
        return institutionRefused;
    }

    public void setInstitutionRefused(boolean institutionRefused) {
        this.institutionRefused = institutionRefused;
    }

    public @Nullable String getRefusedBy() {
        return refusedBy;
    }

    public void setRefusedBy(@Nullable String refusedBy) {
        this.refusedBy = refusedBy;
    }

    public boolean isThreatened() {
        return threatened;
    }

    public void setThreatened(boolean threatened) {
        this.threatened = threatened;
    }

    public @Nullable String getThreatenedBy() {
        return threatenedBy;
    }

    public void setThreatenedBy(@Nullable String threatenedBy) {
        this.threatenedBy = threatenedBy;
    }

    public boolean isStaffInvolved() {
        return staffInvolved;
    }

    public void setStaffInvolved(boolean staffInvolved) {
        this.staffInvolved = staffInvolved;
    }

    public @Nullable String getStaffOf() {
        return staffOf;
    }

    public void setStaffOf(@Nullable String staffOf) {
        this.staffOf = staffOf;
    }

    /** Files chosen in the form's file input; never sent back to the browser. */
    public List<MultipartFile> getAttachments() {
        return attachments;
    }

    public void setAttachments(@Nullable List<MultipartFile> attachments) {
        this.attachments = attachments == null ? new ArrayList<>() : attachments;
    }
}
