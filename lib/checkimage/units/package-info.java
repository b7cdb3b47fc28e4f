/**
 * Quantities written as text by people: durations today ({@link checkimage.units.DurationParser}), and sizes and
 * ages next to it, one parser and one documented grammar each, shared by the command line ({@code cli}) and the
 * policy DSL ({@code dsl}). Bad text is an {@link checkimage.units.InvalidQuantityException} whose message names
 * the input and the accepted forms. JDK only; imports nothing else from {@code checkimage}.
 */
package checkimage.units;
