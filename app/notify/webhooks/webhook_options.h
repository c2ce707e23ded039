#pragma once

#include "webhook_channel.h"

#include <QUrl>

namespace hoga {

// How webhook posts are paced and retried.
struct WebhookOptions {
    int queueLimit = 50;         // messages waiting per channel; the oldest is dropped beyond it
    int minIntervalMs = 1000;    // per channel, between two posts (chat services allow about one a second)
    int initialBackoffMs = 2000; // after a 5xx or network error; doubles per attempt
    int maxBackoffMs = 60'000;
    int maxAttempts = 5;              // then the message is dropped (and reported)
    qint64 maxRetryAfterMs = 600'000; // a longer Retry-After is capped here
    int transferTimeoutMs = 15'000;   // per request
    QUrl telegramBaseUrl = defaultTelegramBaseUrl();
};

} // namespace hoga
