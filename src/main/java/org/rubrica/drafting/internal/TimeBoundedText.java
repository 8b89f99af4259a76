package org.rubrica.drafting.internal;

/**
 * Text that stops a regular expression working on it after a deadline. Field patterns come from template
 * administrators (or imported files), and a pattern such as {@code (a+)+$} could otherwise keep a request
 * thread busy for hours on a few dozen characters.
 */
final class TimeBoundedText implements CharSequence {

    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("pattern matching exceeded its time", null, false, false);
        }
    }

    private final CharSequence text;
    private final long deadline;
    private int reads;

    static TimeBoundedText of(CharSequence text, long timeoutMillis) {
        return new TimeBoundedText(text, System.nanoTime() + timeoutMillis * 1_000_000);
    }

    private TimeBoundedText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadline = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadline) {
            throw new TooSlow();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new TimeBoundedText(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
