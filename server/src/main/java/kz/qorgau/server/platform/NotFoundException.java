package kz.qorgau.server.platform;

/**
 * Something the caller asked for does not exist or is not theirs to see: answered with 404, the same
 * in both cases so that existence does not leak.
 */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
