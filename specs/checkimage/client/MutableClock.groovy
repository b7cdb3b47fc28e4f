package checkimage.client

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/** A clock the spec moves by hand, for expiry. */
class MutableClock extends Clock {

    Instant now

    MutableClock(Instant start) {
        now = start
    }

    void advance(Duration duration) {
        now = now + duration
    }

    @Override
    ZoneId getZone() {
        ZoneOffset.UTC
    }

    @Override
    Clock withZone(ZoneId zone) {
        this
    }

    @Override
    Instant instant() {
        now
    }
}
