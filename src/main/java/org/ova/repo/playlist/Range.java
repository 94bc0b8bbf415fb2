package org.ova.repo.playlist;

/**
 * An inclusive range of numbers for a rule ({@code rating: {min: 4}}, {@code duration: {max: 10:00}});
 * a bound left out is 0 or unbounded.
 */
public record Range(double min, double max) {

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
