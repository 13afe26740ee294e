/**
 * Attachments: images, PDFs and audio filed with a report or a message. The type is read from the
 * content, never from the name; the original is kept sealed as evidence and never deleted; a viewing
 * copy without metadata (EXIF, GPS, XMP, document information) is made where the format allows. Staff
 * with access to the case download the viewing copy, oversight the original, each download recorded
 * in the ledger.
 */
@NullMarked
@ApplicationModule(displayName = "Attachments")
package kz.qorgau.server.attachments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
