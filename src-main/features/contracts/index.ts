export { acceptDueProlongations, acceptProlongationsAudited, contractOperations, nextContractNumber, PROLONG_NOT_OWN, prolongationsDue } from './operations';
export {
  budgetCountsUsed, budgetPlace, contractRow, contractView, contractViewIfAny, findContractId, groupRow, listContracts, listGroups, paidFromCertificate,
  contractFacts, placesTaken, type ContractRow,
} from './queries';
