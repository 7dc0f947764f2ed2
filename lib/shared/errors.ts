/** Typed failures of the data layer, mapped to form messages and HTTP statuses in one place (toResult). */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Please sign in.") {
    super(message, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do that.") {
    super(message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super(message, 404);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 409);
  }
}

/** The record moved on (its version changed) since the request or the form was based on it. */
export class StaleVersionError extends ConflictError {}

/** What a change would add is there already: a membership, a name, an identifier another record holds. */
export class DuplicateRecordError extends ConflictError {}

/** A change request was decided or withdrawn meanwhile (by another admin, or in another tab). */
export class AlreadyDecidedError extends ConflictError {}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message, 400);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message = "Too many attempts. Please wait a few minutes and try again.") {
    super(message, 429);
  }
}

/** Add a message to a field's list (a form's or a query's errors, keyed by field path). */
export function addFieldError(errors: Record<string, string[]>, field: string, message: string): void {
  const list = errors[field] ?? [];
  list.push(message);
  errors[field] = list;
}
