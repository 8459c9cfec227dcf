// GOV.UK Frontend ships no type declarations; these cover what the pages use.
declare module 'govuk-frontend' {
  export interface InitAllConfig {
    scope?: Element | Document;
    onError?: (error: unknown) => void;
  }
  export function initAll(config?: InitAllConfig): void;
  export function isSupported(): boolean;
  export class ErrorSummary {
    constructor(root: Element, config?: { disableAutoFocus?: boolean });
  }
  export class NotificationBanner {
    constructor(root: Element, config?: { disableAutoFocus?: boolean });
  }
  export class Radios {
    constructor(root: Element);
  }
  export class Button {
    constructor(root: Element);
  }
}
