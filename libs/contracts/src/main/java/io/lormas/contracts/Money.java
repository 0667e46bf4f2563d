package io.lormas.contracts;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An exact amount of money on the wire: a decimal string and an ISO 4217 code, e.g.
 * {@code {"amount": "0.0125", "currency": "EUR"}}. Never a floating-point number.
 */
public record Money(String amount, String currency) {

    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,14}(\\.\\d{1,6})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            throw new IllegalArgumentException("amount must be a decimal string with at most 6 decimals, was " + amount);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be a 3-letter ISO 4217 code, was " + currency);
        }
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.stripTrailingZeros().toPlainString(), currency);
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }
}
