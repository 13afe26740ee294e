package kz.qorgau.server.platform;

/**
 * One problem with one input field: the field's name as the client sent it, a stable code, and a
 * message for a person.
 */
public record FieldViolation(String field, String code, String message) {}
