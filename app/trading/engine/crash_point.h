#pragma once

namespace hoga {

// Crash tests: when the environment variable HOGA_TEST_CRASH_AT names `step`, the process kills itself with
// SIGKILL here (no clean-up, exactly like a power cut or kill -9). Steps of an order's life:
// "before_journal", "after_journal" (journaled, request not sent), "after_request" (sent, answer not read),
// "after_answer" (answer read, journal not updated), "during_cancel" (cancel journaled and sent, answer not
// read).
void crashPoint(const char* step);

} // namespace hoga
