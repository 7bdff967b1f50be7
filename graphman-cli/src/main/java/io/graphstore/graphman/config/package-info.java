/** {@code graphman config}: check the config, show placement rules and pool sizes. No database needed. */
package io.graphstore.graphman.config;
