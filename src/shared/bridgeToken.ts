/** The URL-fragment key under which the loopback bridge's login redirect hands its API token to the page. */
export const BRIDGE_TOKEN_FRAGMENT = 'bridge-token'
