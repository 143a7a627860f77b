// the part of the custom functions runtime (office.js) this add-in uses; @types/custom-functions-runtime is not installed
declare namespace CustomFunctions {
  /** the error values a custom function may return, with a message Excel shows under the cell */
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    readonly code: ErrorCode;
    readonly message?: string;
  }
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
