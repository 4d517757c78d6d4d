/** The facilitator key every test server and benchmark relay is started with (BODEM_FACILITATOR_KEY). */
export const TEST_FACILITATOR_KEY = 'test-facilitator-key-0123456789';
/** The header creating a meeting needs. */
export const KEY_HEADER = { authorization: `Bearer ${TEST_FACILITATOR_KEY}` } as const;
