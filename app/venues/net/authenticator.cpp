#include "authenticator.h"

#include "http_client.h"

namespace hoga::net {

void Authenticator::authorizeHandshake(QNetworkRequest&) const {}

void SigningAuthenticator::authorize(HttpRequest request, Done done) {
    sign(request);
    done(std::move(request), std::nullopt);
}

} // namespace hoga::net
