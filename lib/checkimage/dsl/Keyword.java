package checkimage.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a delegate method as a keyword of its block. Only marked methods can be called from a policy; the
 * others, and Groovy's own methods, are unknown keywords.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Keyword {

    /** Written for keywords that take no arguments. */
    String NO_ARGUMENTS = "no arguments";

    /** What the keyword takes, for {@code platforms expects strings like 'linux/amd64', got 42}. */
    String value();
}
