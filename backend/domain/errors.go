package domain

import (
	"errors"
	"fmt"
)

// Code is the error contract shared by the backend, the bound services and the
// frontend's one error helper.
type Code string

const (
	CodeInvalid    Code = "invalid"
	CodeNotFound   Code = "not_found"
	CodeConflict   Code = "conflict"
	CodeAuthFailed Code = "auth_failed"
	CodeTemporary  Code = "temporary"
	CodeInternal   Code = "internal"
)

// Error carries a code, a message the seller can read, and the underlying
// cause for the log. Error() returns only the seller-facing message.
type Error struct {
	Code    Code
	Message string
	Err     error
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a formatted seller-facing message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap attaches a seller-facing message and code to a lower-level cause.
func Wrap(err error, code Code, message string) *Error {
	return &Error{Code: code, Message: message, Err: err}
}

// CodeOf returns the code of the first *Error in err's chain, or CodeInternal.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}
