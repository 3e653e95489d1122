/** What a sign-in attempt reports back to the login form; the form turns the code into a message. */
export type LoginErrorCode = 'invalid' | 'missing' | 'unavailable' | 'demoOff' | 'rateLimited';

export interface LoginState {
  error: LoginErrorCode | null;
  /** The email typed, so a failed attempt does not empty the field. */
  email: string;
}

export const INITIAL_LOGIN_STATE: LoginState = { error: null, email: '' };
