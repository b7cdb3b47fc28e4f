package checkimage.cli;

/** The entry point of {@code check-image.java} and the built jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CheckImageCommand.execute(args, Terminal.system()));
    }
}
