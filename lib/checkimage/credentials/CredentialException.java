package checkimage.credentials;

/** A credential source could not answer for a registry (broken helper, malformed file). Never carries a secret. */
public class CredentialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CredentialException(String message) {
        super(message);
    }

    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
