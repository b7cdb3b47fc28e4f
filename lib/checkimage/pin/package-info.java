/**
 * {@code --pin}: inserting the digests a check resolved after the tags written in input files, changing only
 * those characters, and writing files atomically. An edge package: it knows file text and places, not
 * registries; the CLI decides what to pin.
 */
package checkimage.pin;
