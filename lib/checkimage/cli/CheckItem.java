package checkimage.cli;

/** One image reference to check, as written, and where it came from (for reports). */
record CheckItem(String input, String origin) {
}
