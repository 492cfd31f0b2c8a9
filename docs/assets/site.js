/* Site behaviour: progressive enhancement only. */
