#pragma once

#include "error.h"

#include <utility>
#include <variant>

namespace hoga {

// Either a value or a typed VenueError. Returned by every asynchronous connector call.
template <class T>
class Result {
public:
    Result() : m_data(VenueError{ErrorKind::Network, {}, {}, {}, 0}) {}
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {} // NOLINT: implicit on purpose
    Result(VenueError error) : m_data(std::in_place_index<1>, std::move(error)) {} // NOLINT

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const { return std::get<0>(m_data); }
    T& value() { return std::get<0>(m_data); }
    const VenueError& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, VenueError> m_data;
};

} // namespace hoga
