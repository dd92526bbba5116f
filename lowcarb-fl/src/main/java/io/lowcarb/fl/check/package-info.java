/** What the server verifies before an update may count: its length, its values, its size on the wire. */
package io.lowcarb.fl.check;
