/** The test kit: what users need to test their agents offline, with no API key and no network. */
@NullMarked
package dev.taskforce.test;

import org.jspecify.annotations.NullMarked;
