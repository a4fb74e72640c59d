/**
 * The built-in magics: {@code %lsmagic} and {@code %help}, the display cell magics ({@code %%html},
 * {@code %%javascript}, {@code %%markdown}, {@code %%latex}), {@code %sh}/{@code %%sh}, {@code
 * %%time}, and Toree's display switches ({@code %truncation}, {@code %showtypes}, {@code
 * %showoutput}). Written against plugin-api alone.
 */
package dev.kindling.magics;
