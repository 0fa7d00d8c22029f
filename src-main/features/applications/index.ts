export { admitApplicant, applicationOperations, type ApplicantPresented } from './operations';
