package checkimage.cli

import groovy.transform.Canonical

/** Runs the check-image command in-process with its own streams and environment. */
class CliRunner {

    @Canonical
    static class Run {
        int exitCode
        String out
        String err

        String getAll() {
            out + err
        }
    }

    static Run run(List<String> args, Map<String, String> env = [:], String stdin = '') {
        ByteArrayOutputStream out = new ByteArrayOutputStream()
        ByteArrayOutputStream err = new ByteArrayOutputStream()
        Terminal terminal = new Terminal(new ByteArrayInputStream(stdin.getBytes('UTF-8')),
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), env, false)
        int code = CheckImageCommand.execute(args as String[], terminal)
        new Run(code, out.toString('UTF-8'), err.toString('UTF-8'))
    }
}
