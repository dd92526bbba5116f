/** Small text formats shared by the built-in tables. */
package io.lowcarb.energy.text;
